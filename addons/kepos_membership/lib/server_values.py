# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Creates where the server adds its own values to what the client sent."""
from .guard import GRANT_KEY, ServerGrant


def checked_creator(model, vals):
    """``model``, ready to create ``vals`` plus the values the server adds
    (a sequence number, links read from other records).

    A model's ``create`` that adds such values runs before the rules of
    ``base_rpc_guard`` see them: check what the client sent here, with its
    forbidden ``default_*`` keys dropped, then create with a server grant
    for this model's creates only."""
    if not model._kepos_trusted(creating=True):
        model._kepos_check_client_fields(vals, creating=True)
        model = model._kepos_without_forbidden_defaults()
    return model.with_context(**{GRANT_KEY: ServerGrant(model._name, None)})

