"""The offline rules backend: gazetteer, dates, people, relevance filter, extractor."""
