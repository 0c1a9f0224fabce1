"""The facilitator console (Textual). Import `wargame.app.app.make_app`; this package imports nothing."""
