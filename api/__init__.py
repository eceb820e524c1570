"""The HTTP service: a FastAPI application over a graphbuilder store."""
