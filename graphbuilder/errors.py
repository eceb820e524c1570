"""The exception tree. Every error the library raises on purpose is a ``GraphBuilderError``.

::

    GraphBuilderError
    ├── InputError                 a source file cannot be read (name and reason)
    │   ├── EncodingError          bytes that decode as no supported text encoding
    │   ├── UnsupportedFormatError binary or unknown content
    │   ├── EmptyDocumentError     nothing to read
    │   └── CorpusFormatError      a malformed line of an EduNER file (graphbuilder.nlp.ner.corpus)
    ├── StoreError                 the store cannot be opened or written
    ├── ResourceExistsError        that resource exists already (graphbuilder.store.resources)
    ├── ValidationError            the graph violates the SHACL shapes
    └── NotFoundError              a node, tag or document that is not there
"""

from __future__ import annotations


class GraphBuilderError(Exception):
    """Root of every error graphbuilder raises on purpose."""


class InputError(GraphBuilderError):
    """A source file cannot be read; carries the file name and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class EncodingError(InputError):
    """The bytes decode as none of the supported encodings."""


class UnsupportedFormatError(InputError):
    """The content is binary or of a format no reader takes."""


class EmptyDocumentError(InputError):
    """The file is empty or holds nothing the reader can use."""


class StoreError(GraphBuilderError):
    """The store cannot be opened, read or written."""


class ValidationError(GraphBuilderError):
    """The graph violates the SHACL shapes."""


class NotFoundError(GraphBuilderError):
    """A node, tag or document that is not there."""
