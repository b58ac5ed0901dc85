# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tenders, the members' catalogue and good practices as a client can
reach them: chosen fields, consortia of members, no side door."""
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import SavepointCase

from .tender_common import TenderCase

FORGED = {'kepos_server_write': True, 'kepos_transition': True}


class TestTenderRpc(TenderCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._split_standard()

    def test_bid_state_only_through_steps(self):
        for user in (self.user_a, self.staff):
            with self.assertRaises(AccessError):
                self.bid.sudo(user).with_context(**FORGED).write(
                    {'state': 'won'})
        with self.assertRaises(AccessError):
            self.bid.sudo(self.user_a).action_go()
        with self.assertRaises(AccessError):
            self.bid.sudo(self.staff).write({'project_id': False,
                                             'submitted_date': False})
        self.assertEqual(self.bid.state, 'draft')
        with self.assertRaises(UserError):
            self.bid.sudo(self.staff).action_win()
        self.assertEqual(self.bid.state, 'draft')

    def test_mandatory_is_for_staff(self):
        self.bid.sudo(self.staff).action_go()
        own = self.bid.document_ids.filtered(
            lambda d: d.member_id == self.m_bocal)[:1]
        self.assertTrue(own.mandatory)
        with self.assertRaises(AccessError):
            own.sudo(self.user_a).write({'mandatory': False})
        with self.assertRaises(AccessError):
            own.sudo(self.user_a).with_context(**FORGED).write(
                {'mandatory': False, 'file': 'JVBERi0xLjQK'})
        self.assertTrue(own.mandatory)
        self.assertFalse(own.done)
        own.sudo(self.user_a).write({'file': 'JVBERi0xLjQK',
                                     'file_name': 'dc2.pdf'})
        self.assertTrue(own.done)
        own.sudo(self.staff).write({'mandatory': False})
        self.assertFalse(own.mandatory)

    def test_consortium_of_members(self):
        outsider = self.env['res.partner'].create(
            {'name': 'Pas membre SARL', 'is_company': True})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.bid.sudo(self.staff).write({'member_ids': [
                (0, 0, {'partner_id': outsider.id})]})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.bid.sudo(self.staff).write({'lead_member_id': outsider.id})
        self.bid.invalidate_cache()
        self.assertEqual(self.bid.lead_member_id, self.bocal)
        self.assertEqual(len(self.bid.member_ids), 3)

    def test_feedback_for_the_consortium(self):
        self.bid.write({'member_ids': [(2, self.m_velocargo.id)]})
        self.bid.sudo(self.staff).buyer_feedback = 'Prix trop élevé.'
        with self.assertRaises(AccessError):
            self.bid.sudo(self.user_a).write({'buyer_feedback': 'Bien.'})
        self.assertEqual(self.bid.sudo(self.user_a).buyer_feedback,
                         'Prix trop élevé.')
        # member_b reads the bid, never its feedback, by any path.
        other = self.bid.sudo(self.user_b)
        self.assertFalse(other.read(['buyer_feedback'])[0]['buyer_feedback'])
        self.assertFalse(other.search_read(
            [('id', '=', self.bid.id)], ['buyer_feedback', 'amount_total'])[0]
            ['buyer_feedback'])
        self.assertFalse(other.export_data(['buyer_feedback'])['datas'][0][0])
        Feedback = self.env['kepos.tender.bid.feedback'].sudo(self.user_b)
        self.assertFalse(Feedback.search([]))
        self.assertFalse(Feedback.search_count(
            [('buyer_feedback', 'ilike', 'élevé')]))
        self.assertEqual(other.amount_total, 0.0)


class TestCatalogueKnowledgeRpc(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.user_a = ref('kepos_membership.user_member_a')
        cls.user_b = ref('kepos_membership.user_member_b')
        cls.staff = ref('kepos_membership.user_kepos_staff')
        cls.bocal = ref('kepos_membership.member_bocal')
        cls.velocargo = ref('kepos_membership.member_velocargo')
        cls.category = ref('kepos_synergy.knowledge_category_good_practices')

    def test_seller_is_own_company_and_frozen(self):
        Template = self.env['product.template'].sudo(self.user_a)
        count = Template.sudo().search_count([])
        with self.assertRaises(AccessError):
            Template.create({'name': 'Au nom de Vélo Cargo',
                             'kepos_member_catalogue': True,
                             'kepos_seller_id': self.velocargo.id})
        # A context default is a value sent by the client: checked too.
        with self.assertRaises(AccessError):
            Template.with_context(
                default_kepos_member_catalogue=True,
                default_kepos_seller_id=self.velocargo.id).create(
                    {'name': 'Par défaut'})
        self.assertEqual(Template.sudo().search_count([]), count)
        product = Template.with_context(
            default_kepos_member_catalogue=True).create({'name': 'Vrac'})
        self.assertEqual(product.kepos_seller_id, self.bocal)
        with self.assertRaises(AccessError):
            product.write({'kepos_seller_id': self.velocargo.id})
        self.assertEqual(product.kepos_seller_id, self.bocal)

    def test_approval_settings_for_staff(self):
        with self.assertRaises(AccessError):
            self.category.sudo(self.user_a).write({'approval_required': False})
        with self.assertRaises(AccessError):
            self.category.sudo(self.user_a).with_context(**FORGED).write(
                {'approver_gid': False})
        self.assertTrue(self.category.approval_required)
        self.category.sudo(self.staff).write({'approval_required': True})

    def test_history_approved_only_by_an_approver(self):
        page = self.env['document.page'].sudo(self.user_a).create({
            'name': 'Composter sur place', 'type': 'content',
            'parent_id': self.category.id, 'content': '<p>Bac à compost.</p>'})
        change = self.env['document.page.history'].search(
            [('page_id', '=', page.id)])
        self.assertEqual(change.state, 'to approve')
        mine = change.sudo(self.user_a)
        for vals in ({'state': 'approved'},
                     {'approved_uid': self.user_a.id},
                     {'approved_date': '2026-01-01 00:00:00'}):
            for context in (FORGED, {}):
                with self.assertRaises(AccessError):
                    mine.with_context(**context).write(vals)
        with self.assertRaises(UserError):
            mine.action_approve()
        with self.assertRaises(AccessError):
            page.sudo(self.user_a).create({
                'name': 'Au nom d\'un autre', 'type': 'content',
                'parent_id': self.category.id,
                'kepos_author_id': self.velocargo.id})
        self.assertEqual(change.state, 'to approve')
        self.assertFalse(change.approved_uid)
        change.sudo(self.staff).action_approve()
        self.assertEqual(change.state, 'approved')
        self.assertEqual(change.approved_uid, self.staff)
