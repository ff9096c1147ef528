"""The office's paper: the filled request form (HTML and PDF), the register of publications and
the fiscal year's ITA evidence pack. Imports the core and the services, never an adapter.
"""
