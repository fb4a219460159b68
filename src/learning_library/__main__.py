"""Allow ``python -m learning_library``, the same as the ``learning-library`` command."""

from learning_library.cli import main

main()
