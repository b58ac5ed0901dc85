# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .test_governance import KeposAssemblyCase


class TestGovernanceAccess(KeposAssemblyCase):

    def setUp(self):
        super(TestGovernanceAccess, self).setUp()
        self.budget = self.env.ref(
            'kepos_membership.resolution_december_budget')

    def test_member_casts_its_own_vote_while_open(self):
        resolution = self.budget.sudo(self.member_a)
        self.assertEqual(resolution.assembly_state, 'open')
        self.assertFalse(resolution.my_choice)
        resolution.action_vote_no()
        resolution.invalidate_cache()
        self.assertEqual(resolution.my_choice, 'no')
        resolution.action_vote_yes()    # changes its mind, one vote still
        vote = self.Vote.sudo(self.member_a).search(
            [('resolution_id', '=', self.budget.id)])
        self.assertEqual(vote.partner_id, self.bocal)
        self.assertEqual(vote.choice, 'yes')
        self.assertEqual(self.budget.vote_count, 4)
        # member_b neither sees nor changes it, nor votes for another member.
        self.assertFalse(self.Vote.sudo(self.member_b).search(
            [('partner_id', '=', self.bocal.id)]))
        with self.assertRaises(AccessError):
            vote.sudo(self.member_b).read(['choice'])
        with self.assertRaises(AccessError):
            vote.sudo(self.member_b).choice = 'no'
        with self.assertRaises(AccessError):
            self._vote(self.budget, {self._p('member_renovhabitat'): 'no'},
                       user=self.member_b)
        with self.assertRaises(AccessError):
            self._vote(self.budget, {self.velocargo: 'no'},
                       user=self.member_a)
        self.budget.sudo(self.member_b).action_vote_abstain()
        # The staff record a paper ballot for any member present.
        self._vote(self.budget, {self._p('member_graine'): 'yes'})
        # Only the board opens and closes.
        assembly = self.budget.assembly_id
        for user in (self.member_a, self.staff):
            with self.assertRaises(AccessError):
                assembly.sudo(user).action_close()
        with self.assertRaises(AccessError):
            self.Assembly.sudo(self.member_a).create(
                {'name': 'AG sauvage', 'date': '2026-12-20'})
        assembly.sudo(self.manager).action_close()
        self.assertEqual(self.budget.result, 'adopted')
        with self.assertRaises((AccessError, UserError)):
            vote.sudo(self.member_a).choice = 'no'
        with self.assertRaises((AccessError, UserError)):
            self.budget.sudo(self.member_a).action_vote_no()

    def test_member_votes_by_proxy(self):
        recyclerie = self._p('member_recyclerie')
        assembly = self._assembly(present=[self.bocal, self.velocargo],
                                  represented={recyclerie: self.bocal})
        assembly.sudo(self.manager).action_open()
        resolution = assembly.resolution_ids
        self._vote(resolution, {recyclerie: 'yes', self.bocal: 'yes'},
                   user=self.member_a)
        votes = self.Vote.sudo(self.member_a).search(
            [('resolution_id', '=', resolution.id)])
        self.assertEqual(votes.mapped('partner_id'), self.bocal | recyclerie)
        proxy_vote = votes.filtered('via_proxy')
        self.assertEqual(proxy_vote.partner_id, recyclerie)
        self.assertEqual(proxy_vote.cast_by_id, self.bocal)
        # member_b sees only its own vote, not those Le Bocal carries.
        self._vote(resolution, {self.velocargo: 'no'}, user=self.member_b)
        self.assertEqual(self.Vote.sudo(self.member_b).search(
            [('resolution_id', '=', resolution.id)]).partner_id,
            self.velocargo)

    def test_minutes_in_french(self):
        june = self.env.ref('kepos_membership.assembly_2026_june')
        self.assertEqual(june.state, 'closed')
        statutes = self.env.ref('kepos_membership.resolution_june_statutes')
        # Workers 0/4, companies 4/4, partners 1/2:
        # 0 x 30 + 100 x 40 + 50 x 30 = 55 % < 2/3: rejected.
        self.assertEqual(statutes.result, 'rejected')
        self.assertAlmostEqual(statutes.yes_percent, 55.0)
        action = june.sudo(self.member_a).action_print_minutes()
        self.assertEqual(action['report_name'],
                         'kepos_membership.report_assembly_minutes')
        report = self.env.ref('kepos_membership.action_report_assembly_minutes')
        html = report.sudo(self.member_a).with_context(
            lang=self.member_a.lang).render_qweb_pdf(june.ids)[0].decode()
        for text in ("Procès-verbal de l'assemblée générale",
                     'Assemblée générale mixte 2026', '20/06/2026',
                     "Approbation des comptes de l'exercice 2025",
                     '55,00', 'Rejetée', 'Adoptée', 'Représenté',
                     'Le Bocal Nanc', 'Métropole du Grand Nancy',
                     'Salariés et fondateurs'):
            self.assertIn(text, html.replace('&#39;', "'"))
        december = self.env.ref('kepos_membership.assembly_2026_december')
        with self.assertRaises(UserError):
            december.action_print_minutes()
        with self.assertRaises(UserError):  # the print menu
            report.render_qweb_pdf(december.ids)
