"""``python -m govkg`` runs the command-line interface."""

from govkg.cli import main

main()
