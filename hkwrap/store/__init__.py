"""The market record: extracted reports in a SQLite database, reconciled per day.

    schema     the tables, indexes and views; opening a database safely for cron (WAL)
    loader     documents in, one transaction each; unchanged content skipped
    reconcile  when two reports agree on a figure, and the agreed value
    day        one trading day reconciled across every report of it
    series     an index or a stock across dates
    summary    each date's reconciled series row, kept by load so series reads one row per date
    render     tables, Markdown, CSV and JSON
    cli        the `load`, `day` and `series` commands (registered by hkwrap.cli)

Only ``cli`` imports typer; everything else is plain stdlib ``sqlite3``. See docs/store.md.
"""
