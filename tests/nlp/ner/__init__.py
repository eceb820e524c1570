"""Tests of graphbuilder.nlp.ner."""
