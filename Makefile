SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help install train run test lint validate test-unit conversations clean nlu-compare benchmark policy-compare cluster-start cluster-stop deliver retention hostile audit

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

install: ## Create .venv with the pinned packages and the spaCy pipeline
	scripts/setup.sh

train: install ## Train models/aidn.tar.gz if its inputs changed
	scripts/train.sh

run: ## Install, train if stale, start the action and Rasa servers, print where to chat
	scripts/run.sh

cluster-start: train ## A local cluster: PostgreSQL, Redis, nginx, 2 Rasa, actions (scripts/cluster.sh)
	scripts/cluster.sh start

cluster-stop: ## Stop the local cluster (its data stays in var/cluster)
	scripts/cluster.sh stop

deliver: install ## Deliver suggestions and written reports not yet delivered (webhook, e-mail)
	. scripts/env.sh && .venv/bin/python -m storage.deliver

retention: install ## Delete conversations idle for more than DAYS days: make retention DAYS=30
	. scripts/env.sh && .venv/bin/python -m storage.retention --days $(DAYS)

test: ## The whole test suite (what CI runs)
	scripts/test.sh

test-unit: install ## Only the fast tests that need no trained model
	. scripts/env.sh && .venv/bin/python -m pytest -q tests/unit tests/actions tests/storage tests/web

lint: install ## ruff (lint + format check) and mypy (strict for bot/); lint FIX=1 fixes
	scripts/lint.sh $(if $(FIX),--fix)

conversations: train ## Both halves of the conversation suite: pass rates and every failure
	. scripts/env.sh && .venv/bin/python -m devtools.conversations --write

validate: install ## rasa data validate
	. scripts/env.sh && .venv/bin/rasa data validate

clean: ## Remove the model, reports and local databases (keeps .venv)
	rm -rf models reports var test-artifacts results

nlu-compare: install ## Compare NLU pipelines (5-fold CV + test set) into reports/nlu/
	. scripts/env.sh && .venv/bin/python -m benchmarks.nlu_compare --folds 5

audit: ## Dependency audit: pip-audit (requirements.lock) and npm audit (SECURITY.md)
	scripts/audit.sh

hostile: train ## Hostile and odd input through REST and socketio (BENCHMARKS.md)
	. scripts/env.sh && .venv/bin/python -m devtools.hostile --write

benchmark: train ## Speed and cost beside the rasa init peer and a Sanic echo floor (BENCHMARKS.md)
	. scripts/env.sh && .venv/bin/python -m benchmarks.speed

policy-compare: train ## The conversation suite with and without TEDPolicy (BENCHMARKS.md)
	. scripts/env.sh && .venv/bin/python -m benchmarks.policy_compare
