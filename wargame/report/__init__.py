"""Printed material: the debrief PDF (after-action report), team handouts, inject cards.

This package imports nothing heavy: ReportLab is loaded only when `wargame.report.debrief`
or `wargame.report.cards` is imported, so the console starts fast. `labels` and `aar`
are plain Python and shared with the Markdown export.
"""
