"""Printed material: the debrief PDF (after-action report), team handouts, inject cards.

This package imports nothing heavy: ReportLab is loaded only when `wargame.report.debrief`
or `wargame.report.cards` is imported, so the console starts fast. `markdown` renders the
same view model (`wargame.views.debrief`) as the PDF, in plain Python.
"""
