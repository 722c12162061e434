"""Language: text, names, numbers, tables, footnotes, spans and knowledge files.

Plain Python (no pandas): the extractors import only this package.
"""
