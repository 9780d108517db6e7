"""``python -m hkwrap`` runs the command line."""

from hkwrap.cli import main

main()
