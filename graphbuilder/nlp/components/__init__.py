"""spaCy components, one per module, each registered under a versioned factory name.

Importing a module registers its factory (and so imports spaCy); the pipeline factory
(:func:`graphbuilder.nlp.pipeline.make_pipeline`) imports them. Every component splits
``__call__`` into ``match(doc)`` and ``set_annotations(doc, matches)`` and receives its
lexicon in ``initialize()``.
"""
