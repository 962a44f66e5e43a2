"""Execution engines: where and how a batch of articles runs through the pipeline.

- :mod:`pipeline.batch.local`: this machine, one process or ``workers`` processes that
  each load the pipeline once; results stream back in input order.
- :mod:`pipeline.batch.ray_engine`: a Ray cluster (or Ray in local mode) over JSONL or
  Parquet shards, one output file per shard, re-runs skipping finished shards. Needs the
  ``ray`` extra (``pip install -e ".[ray]"``); imported only when asked for.

Both produce the same records for the same articles: each calls
:func:`pipeline.batch.run.process_articles` on batches, so batching, failure isolation and
output are defined in one place.
"""

ENGINES = ("local", "ray")
