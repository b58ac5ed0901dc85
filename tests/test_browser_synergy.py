# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The resource exchange in the web client, in French, as a member."""
from test_browser import journey, pytestmark  # noqa: F401


def test_member_b_sees_ranked_matches(server):
    # Vélo Cargo Stanislas needs cardboard; Le Bocal Nancéien offers some.
    journey(server, 'member_b', [
        {'app': 'Kèpos'}, {'menu': 'Coopération'}, {'menu': 'Mises en relation'},
        {'expect': 'Cartons pour colis de livraison'}, {'expect': 'Le Bocal Nancéien'},
        {'expect': 'Roue Libre Nancy'},
    ], 'synergy_matches')


def test_member_a_sees_a_synergy_balance(server):
    journey(server, 'member_a', [
        {'app': 'Kèpos'}, {'menu': 'Coopération'}, {'menu': 'Synergies'},
        {'expect': 'Marc de café du Bocal pour les pleurotes'},
        {'expect': 'Coproduits et déchets / Biodéchets / Marc de café'},
        {'expect': 'Économies'}, {'expect': 'Date de début'}, {'expect': 'État'},
    ], 'synergy_form')
