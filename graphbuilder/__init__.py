"""graphbuilder: vocational knowledge and skill graphs."""
