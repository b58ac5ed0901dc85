# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The cooperative's services in the web client, in French: joint tender bids, the member
directory and good practices, support requests."""
from test_browser import journey, pytestmark  # noqa: F401


def test_staff_follows_the_tenders_and_their_joint_bids(server):
    journey(server, 'kepos_staff', [
        {'app': 'Kèpos'}, {'menu': 'Coopération'}, {'menu': "Appels d'offres"},
        {'expect': 'Rénovation énergétique du groupe scolaire Didion'}, {'expect': 'Encore ouverts'},
        {'menu': 'Coopération'}, {'menu': 'Réponses groupées'},
        {'expect': 'Rénovation énergétique du groupe scolaire Didion'},
    ], 'synergy_tenders')


def test_member_a_finds_members_and_good_practices(server):
    journey(server, 'member_a', [
        {'app': 'Kèpos'}, {'menu': 'Coopération'}, {'menu': 'Annuaire'},
        {'expect': 'Vélo Cargo Stanislas'},
        {'menu': 'Coopération'}, {'menu': 'Bonnes pratiques'},
        {'expect': 'Mettre en place une consigne de contenants avec ses clients'},
    ], 'synergy_directory')


def test_member_a_follows_its_support_requests(server):
    journey(server, 'member_a', [
        {'app': 'Kèpos'}, {'menu': 'Accompagnement'}, {'menu': "Demandes d'accompagnement"},
        {'expect': 'Financer une deuxième laveuse de bocaux'},
        {'menu': 'Accompagnement'}, {'menu': 'Appels à projets'},
    ], 'support_requests')
