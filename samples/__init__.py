"""Synthetic inputs drawn in seconds, so no large binary is committed: phone photos,
screenshots and screen recordings (photos.py), every kind of image file an editor brings
(image_corpus.py) and the colour profiles they carry (icc_profiles.py). For the tests and
the benchmarks alike; neither owns them."""
