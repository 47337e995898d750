"""``python -m figcheck`` is the ``figcheck`` command."""

from .cli import main

if __name__ == "__main__":
    main()
