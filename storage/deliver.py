"""Delivers everything pending, suggestions and reports (storage.delivery):
`python -m storage.deliver`."""

from __future__ import annotations

import logging

from storage import delivery, inbox, reports
from storage.database import database_url, engine


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    counts = delivery.deliver(
        engine(database_url()),
        [*inbox.targets(), *reports.targets()],
        {**inbox.LOADERS, **reports.LOADERS},
    )
    print(f"delivered {counts['delivered']}, still pending {counts['failed']}")


if __name__ == "__main__":
    main()
