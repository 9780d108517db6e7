"""``python -m hkwrap`` runs the command line."""

from hkwrap.launch import main

if __name__ == "__main__":
    main()
