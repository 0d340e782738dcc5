"""Remembers what was handled for a while, so that an event delivered twice (a retry, a
replay, the same message as two event types) is handled once. In Redis when AIDN_REDIS_HOST
is set, so that every Rasa server shares it; otherwise in this process."""

from __future__ import annotations

import logging
import os
import time
from collections import OrderedDict
from collections.abc import Mapping

logger = logging.getLogger(__name__)
TTL_SECONDS = 3600
_LOCAL_LIMIT = 100_000


class SeenEvents:
    def __init__(self, env: Mapping[str, str] = os.environ, ttl: int = TTL_SECONDS) -> None:
        self.ttl = ttl
        self._local: OrderedDict[str, float] = OrderedDict()
        self._redis = None
        if env.get("AIDN_REDIS_HOST"):
            import redis.asyncio

            self._redis = redis.asyncio.Redis(
                host=env["AIDN_REDIS_HOST"],
                port=int(env.get("AIDN_REDIS_PORT", "6379")),
                db=int(env.get("AIDN_REDIS_DB", "0")),
                password=env.get("AIDN_REDIS_PASSWORD") or None,
                socket_timeout=5,
            )

    async def first_time(self, key: str) -> bool:
        """True the first time `key` is seen within the TTL, False afterwards."""
        if self._redis is not None:
            try:
                return bool(await self._redis.set(f"aidn:seen:{key}", 1, nx=True, ex=self.ttl))
            except Exception as error:  # a duplicate answer is better than none
                logger.error("Redis unavailable for de-duplication (%s): handling it", error)
                return True
        now = time.monotonic()
        while self._local and next(iter(self._local.values())) < now:
            self._local.popitem(last=False)
        if key in self._local:
            return False
        self._local[key] = now + self.ttl
        if len(self._local) > _LOCAL_LIMIT:
            self._local.popitem(last=False)
        return True
