"""Trained Chinese term/concept recogniser: a small spaCy NER trained on EduNER, CPU only.

Nothing here imports spaCy at import time.

- :mod:`.corpus` reads the EduNER character/BIO format and builds spaCy ``DocBin`` data;
- :mod:`.train` trains the pipeline (:func:`~.train.train_ner`) and writes ``training.json``;
- :mod:`.load` finds the trained pipeline (:func:`~.load.load_ner_pipeline`), shipped or given;
- :mod:`.scoring` counts entity-level exact matches;
- :mod:`.segmenter` is the jieba tokenizer with a private dictionary the pipeline uses;
- :mod:`.silver` labels curriculum sentences with the rule components (silver training data);
- :mod:`.discovery` measures how many technologies held out of the lexicon the model finds.
"""
