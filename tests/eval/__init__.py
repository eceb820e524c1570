"""Tests of graphbuilder.eval."""
