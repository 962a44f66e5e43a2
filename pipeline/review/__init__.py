"""The review page (``sahel-claims review``) and the gold export of what was reviewed
(``sahel-claims export-gold``): analysts accept, reject or correct the claims of a store,
each action recorded with who and when, and the reviewed articles become gold files.

- :mod:`.state`: which review belongs to which claim (re-attached after a re-ingest), each
  claim's status and its corrected form;
- :mod:`.forms`: the forms (CSRF-protected) and the checks of a correction;
- :mod:`.render`: the article's text and the claims drawn on their sentences;
- :mod:`.app`: the Flask application and its server (127.0.0.1 only);
- :mod:`.events`: the events panel (``pipeline.api.events``);
- :mod:`.gold`: ``export-gold``.

The web modules need the ``review`` extra (Flask, Flask-WTF); :mod:`.state` and
:mod:`.gold` do not.
"""
