"""algorithms stage."""
