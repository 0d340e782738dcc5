"""SpacyNLP that loads nb_core_news_sm when installed, else the named Norwegian stand-in."""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

from rasa_extensions.spacy_pipeline import choose_pipeline

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="NorwegianSpacyNLP",
)
class NorwegianSpacyNLP(SpacyNLP):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NorwegianSpacyNLP:
        choice = choose_pipeline(config["model"])
        loaded = cls.load_model(choice.load_from)
        cls.ensure_proper_language_model(loaded.model)
        # The fingerprint follows the pipeline actually loaded, so switching between
        # the real model and the stand-in retrains the components that depend on it.
        model = SpacyModel(model=loaded.model, model_name=choice.name)
        log = logger.warning if choice.is_standin else logger.info
        log("spaCy pipeline loaded: %s", choice.name)
        return cls(model, {**cls.get_default_config(), **config})
