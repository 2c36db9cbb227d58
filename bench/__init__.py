"""`invoke bench`: build performance against bare Pelican. Not part of the test suite."""
