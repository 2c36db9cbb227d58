"""Development tools that are not part of the built site."""
