"""``python -m hkwrap`` runs the command line."""

from hkwrap.cli import main

if __name__ == "__main__":
    main()
