"""What the renderers show, decided once: the words (`words`), who may see what (`visibility`) and
the debrief's view model (`debrief`). Plain Python: no Textual, no ReportLab; the consoles, the
report and the exports all render from here.
"""
