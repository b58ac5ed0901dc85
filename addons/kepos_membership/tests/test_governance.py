# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import KeposCapitalCase


class KeposAssemblyCase(KeposCapitalCase):

    @classmethod
    def setUpClass(cls):
        super(KeposAssemblyCase, cls).setUpClass()
        cls.Assembly = cls.env['kepos.assembly']
        cls.Vote = cls.env['kepos.vote']
        cls.bocal = cls.env.ref('kepos_membership.member_bocal')
        cls.velocargo = cls.env.ref('kepos_membership.member_velocargo')
        # Small test assemblies of two or three members present among the
        # twenty of the demo: only the quorum test relies on the real one.
        cls.company.kepos_quorum_ordinary = 5.0

    def _p(self, name):
        return self.env.ref('kepos_membership.' + name)

    def _assembly(self, present=(), represented=None, assembly_type='ordinary',
                  majority='ordinary', date='2026-10-20'):
        """A convened assembly of the demo members on ``date``, with
        ``present`` partners present and ``represented`` {partner: holder}."""
        assembly = self.Assembly.sudo(self.staff).create({
            'name': 'AG test', 'assembly_type': assembly_type, 'date': date,
            'resolution_ids': [(0, 0, {'name': 'Résolution 1',
                                       'majority': majority})],
        })
        assembly.action_convene()
        lines = {l.partner_id: l for l in assembly.attendance_ids}
        for partner in present:
            lines[partner].status = 'present'
        for partner, holder in (represented or {}).items():
            lines[partner].write({'status': 'represented',
                                  'proxy_id': holder.id})
        return assembly

    def _vote(self, resolution, choices, user=None):
        for partner, choice in choices.items():
            self.Vote.sudo(user or self.staff).create({
                'resolution_id': resolution.id, 'partner_id': partner.id,
                'choice': choice})


class TestGovernance(KeposAssemblyCase):

    def test_college_weights(self):
        workers = self.env.ref('kepos_membership.college_workers')
        partners = self.env.ref('kepos_membership.college_partners')
        self.assertTrue(self.company.kepos_vote_by_college)
        with self.assertRaises(ValidationError):
            workers.weight = 60     # a college alone would hold the majority
        with self.assertRaises(ValidationError):
            partners.weight = 5
        # Rebalancing one line at a time is possible; convening checks 100 %.
        workers.weight = 35
        with self.assertRaises(ValidationError):
            self._assembly()
        partners.weight = 25
        self.assertEqual(self._assembly().state, 'convened')
        # Without colleges, weights are free, and checked again on return.
        self.company.kepos_vote_by_college = False
        workers.weight = 80
        with self.assertRaises(ValidationError):
            self.company.kepos_vote_by_college = True

    def test_weighted_vote_differs_from_headcount(self):
        sal = [self.bocal, self.velocargo, self._p('member_recyclerie')]
        ben = [self._p(x) for x in (
            'member_renovhabitat', 'member_graine', 'member_ecoconception',
            'member_octet', 'member_menuiserie', 'member_captransition',
            'member_conserverie')]
        par = [self._p('public_metropole'), self._p('supporter_amis')]
        assembly = self._assembly(present=sal + ben + par)
        self.assertTrue(assembly.quorum_reached)
        assembly.sudo(self.manager).action_open()
        self.assertEqual(assembly.state, 'open')
        resolution = assembly.resolution_ids
        choices = dict.fromkeys(sal + par, 'yes')
        choices.update(dict.fromkeys(ben, 'no'))
        choices[ben[0]] = 'yes'
        self._vote(resolution, choices)
        assembly.sudo(self.manager).action_close()
        # Headcount: 6 yes out of 12 (50 %, not more) would reject. Weighted:
        # workers 3/3 x 30 + companies 1/7 x 40 + partners 2/2 x 30
        # = 30 + 5.71 + 30 = 65.71 %: adopted.
        self.assertEqual(resolution.result, 'adopted')
        self.assertAlmostEqual(resolution.yes_percent, 60 + 40.0 / 7, 2)
        figures = {r.college_id.code: r for r in resolution.result_line_ids}
        self.assertEqual(figures['BEN'].yes_count, 1)
        self.assertEqual(figures['BEN'].no_count, 6)
        self.assertAlmostEqual(figures['BEN'].contribution, 40.0 / 7, 2)
        # Without colleges the same votes are a plain headcount: rejected.
        second = self._assembly(present=sal + ben + par)
        second.vote_by_college = False
        second.sudo(self.manager).action_open()
        self._vote(second.resolution_ids, choices)
        second.sudo(self.manager).action_close()
        self.assertEqual(second.resolution_ids.result, 'rejected')
        self.assertEqual(second.resolution_ids.yes_percent, 50.0)

    def test_renormalised_when_a_college_does_not_vote(self):
        present = [self.bocal, self._p('member_graine'),
                   self._p('public_metropole')]
        assembly = self._assembly(present=present)
        assembly.sudo(self.manager).action_open()
        self._vote(assembly.resolution_ids, {
            self.bocal: 'yes', self._p('member_graine'): 'no',
            self._p('public_metropole'): 'abstain'})
        assembly.sudo(self.manager).action_close()
        resolution = assembly.resolution_ids
        # Partners only abstained: 30 and 40 become 42.86 and 57.14 %;
        # 100 % x 42.86 + 0 % x 57.14 = 42.86 %: rejected.
        self.assertTrue(resolution.renormalised)
        self.assertAlmostEqual(resolution.yes_percent, 3000.0 / 70, 2)
        self.assertEqual(resolution.result, 'rejected')

    def test_quorum_not_reached_then_second_call(self):
        assembly = self._assembly(present=[self.bocal],
                                  assembly_type='extraordinary',
                                  majority='extraordinary')
        self.assertEqual(assembly.quorum_required, 33.33)
        self.assertFalse(assembly.quorum_reached)
        with self.assertRaises(AccessError):
            assembly.sudo(self.staff).action_open()
        assembly.sudo(self.manager).action_open()
        self.assertEqual(assembly.state, 'quorum_not_reached')
        with self.assertRaises(UserError):
            assembly.attendance_ids[0].status = 'present'
        action = assembly.sudo(self.staff).action_second_call()
        second = self.Assembly.browse(action['res_id'])
        self.assertEqual(second.call_number, 2)
        self.assertEqual(second.first_call_id, assembly)
        self.assertEqual(second.resolution_ids.mapped('name'), ['Résolution 1'])
        self.assertEqual(second.resolution_ids.majority, 'extraordinary')
        second.action_convene()
        second.attendance_ids.filtered(
            lambda l: l.partner_id == self.bocal).status = 'present'
        self.assertEqual(second.quorum_required, 0)
        second.sudo(self.manager).action_open()
        self.assertEqual(second.state, 'open')

    def test_proxies(self):
        recyclerie = self._p('member_recyclerie')
        graine = self._p('member_graine')
        assembly = self._assembly(present=[self.bocal], represented={
            self.velocargo: self.bocal, recyclerie: self.bocal})
        line = assembly.attendance_ids.filtered(
            lambda l: l.partner_id == graine)
        with self.assertRaises(ValidationError):
            line.write({'status': 'represented', 'proxy_id': self.bocal.id})
        with self.assertRaises(ValidationError):
            # The holder of a proxy must be present.
            line.write({'status': 'represented',
                        'proxy_id': self._p('member_octet').id})
        with self.assertRaises(ValidationError):
            line.status = 'represented'
        self.company.kepos_max_proxies = 3
        line.write({'status': 'represented', 'proxy_id': self.bocal.id})
        self.assertEqual(assembly.represented_count, 3)

    def test_votes_refused(self):
        outsider = self._partner('Atelier hors coopérative', self.cat_supporter)
        assembly = self._assembly(present=[self.bocal, self.velocargo])
        with self.assertRaises(ValidationError):
            self.env['kepos.assembly.attendance'].create({
                'assembly_id': assembly.id, 'partner_id': outsider.id})
        resolution = assembly.resolution_ids
        with self.assertRaises(UserError):
            self._vote(resolution, {self.bocal: 'yes'})   # not open yet
        assembly.sudo(self.manager).action_open()
        with self.assertRaises(ValidationError):
            self._vote(resolution, {outsider: 'yes'})
        with self.assertRaises(ValidationError):
            self._vote(resolution, {self._p('member_graine'): 'yes'})  # absent
        self._vote(resolution, {self.bocal: 'yes'})
        with self.assertRaises(ValidationError):
            self._vote(resolution, {self.bocal: 'no'})
        # Two transactions racing past that check still meet the database.
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'), \
                self.env.cr.savepoint():
            self.env.cr.execute(
                'INSERT INTO kepos_vote (resolution_id, partner_id, choice) '
                'VALUES (%s, %s, %s)', (resolution.id, self.bocal.id, 'no'))
        votes = resolution.vote_ids.filtered(
            lambda vote: vote.partner_id == self.bocal)
        self.assertEqual(votes.mapped('choice'), ['yes'])

    def test_votes_frozen_after_close(self):
        assembly = self._assembly(present=[self.bocal, self.velocargo])
        assembly.sudo(self.manager).action_open()
        resolution = assembly.resolution_ids
        self._vote(resolution, {self.bocal: 'yes'})
        vote = resolution.vote_ids
        vote.sudo(self.staff).choice = 'no'
        with self.assertRaises(UserError):
            vote.sudo(self.staff).partner_id = self.velocargo
        assembly.sudo(self.manager).action_close()
        self.assertEqual(resolution.result, 'rejected')
        for user in (self.staff, self.manager):
            with self.assertRaises(UserError):
                vote.sudo(user).choice = 'yes'
            with self.assertRaises(UserError):
                vote.sudo(user).unlink()
            with self.assertRaises(UserError):
                self._vote(resolution, {self.velocargo: 'yes'}, user=user)
        with self.assertRaises(UserError):
            assembly.sudo(self.manager).action_close()
        with self.assertRaises(UserError):
            resolution.sudo(self.staff).result = 'adopted'
        with self.assertRaises(UserError):
            resolution.sudo(self.staff).unlink()
        self.assertEqual(resolution.result, 'rejected')

    def test_agenda(self):
        assembly = self._assembly(present=[self.bocal])
        with self.assertRaises(ValidationError):
            assembly.resolution_ids.majority = 'extraordinary'
        assembly.sudo(self.manager).action_open()
        with self.assertRaises(UserError):
            assembly.resolution_ids.name = 'Autre résolution'
        with self.assertRaises(UserError):
            self.env['kepos.resolution'].sudo(self.staff).create({
                'assembly_id': assembly.id, 'name': 'Ajout de séance'})
