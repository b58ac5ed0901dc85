# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .tender_common import TenderCase


class TestTenderWorkflow(TenderCase):

    def test_go_needs_a_complete_split(self):
        with self.assertRaises(UserError):
            self.bid.sudo(self.staff).action_go()
        self.assertEqual(self.bid.state, 'draft')
        self._split(self.bid, [
            (self.bl1, self.m_graine, 'percent', 100.0)])
        with self.assertRaises(UserError):
            self.bid.sudo(self.staff).action_go()
        self.assertFalse(self.bid.project_id)

    def test_go_creates_the_project_and_tasks(self):
        self._split_standard()
        self.bid.sudo(self.staff).action_go()
        self.assertEqual(self.bid.state, 'go')
        self.assertEqual(self.bid.decision_user_id, self.staff)
        self.assertTrue(self.bid.decision_date)
        # DC1, memo, two price schedules; DC2, references, insurance x 3.
        docs = self.bid.document_ids
        self.assertEqual(len(docs), 4 + 3 * 3)
        self.assertEqual(
            len(docs.filtered(lambda d: d.member_id == self.m_graine)), 3)
        price = docs.filtered(lambda d: d.kind == 'price')
        self.assertEqual(price.mapped('bid_lot_id'), self.bl1 | self.bl2)
        project = self.bid.project_id
        self.assertTrue(project)
        self.assertEqual(len(project.task_ids), len(docs))
        self.assertEqual(docs.mapped('task_id'), project.task_ids)
        dc2 = docs.filtered(lambda d: d.kind == 'dc2'
                            and d.member_id == self.m_velocargo)
        self.assertEqual(dc2.deadline, fields.Date.to_string(
            self.deadline.date() - timedelta(days=7)))
        self.assertEqual(dc2.task_id.date_deadline, dc2.deadline)
        self.assertIn('Vélo Cargo Stanislas', dc2.task_id.name)
        # Providing a document closes its task.
        self._provide_documents(dc2.sudo(self.user_b))
        self.assertEqual(dc2.task_id.kanban_state, 'done')
        with self.assertRaises(UserError):
            self.bid.sudo(self.staff).action_go()

    def test_checklist_blocks_submission(self):
        self._split_standard()
        bid = self.bid.sudo(self.staff)
        bid.action_go()
        docs = bid.document_ids
        optional = docs.filtered(lambda d: d.kind == 'references')
        optional.write({'mandatory': False})
        missing = docs.filtered(lambda d: d.kind == 'insurance'
                                and d.member_id == self.m_graine)
        self._provide_documents(docs - optional - missing)
        with self.assertRaises(UserError) as error:
            bid.action_submit()
        self.assertIn('Graine de Lorraine', str(error.exception))
        self.assertEqual(bid.state, 'go')
        self._provide_documents(missing)
        bid.action_submit()
        self.assertEqual(bid.state, 'submitted')
        self.assertTrue(bid.submitted_date)

    def test_no_submission_after_the_deadline(self):
        self._split_standard()
        self.bid.sudo(self.staff).action_go()
        self._provide_documents(self.bid.document_ids)
        self.lead.kepos_tender_deadline = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now())
            - timedelta(hours=1))
        with self.assertRaises(UserError):
            self.bid.sudo(self.staff).action_submit()
        self.assertEqual(self.bid.state, 'go')

    def test_lost_keeps_the_lessons(self):
        self._split_standard()
        bid = self.bid.sudo(self.staff)
        bid.action_go()
        self._provide_documents(bid.document_ids)
        bid.action_submit()
        with self.assertRaises(UserError):
            bid.action_lose()
        bid.write({'lost_reason_id': self.env.ref('crm.lost_reason_1').id,
                   'lessons_learned': 'Regrouper les livraisons.'})
        bid.action_lose()
        self.assertEqual(bid.state, 'lost')
        self.assertEqual(self.lead.probability, 0)
        self.assertTrue(self.lead.active)
        self.assertFalse(bid.invoice_ids)
        next_lead = self.lead.copy({'name': 'Repas des collèges 2027',
                                    'kepos_tender_bid_ids': []})
        next_bid = self.env['kepos.tender.bid'].create(
            {'lead_id': next_lead.id})
        self.assertEqual(next_bid.previous_bid_ids, bid)
        self.assertEqual(next_bid.previous_bid_ids.lessons_learned,
                         'Regrouper les livraisons.')

    def test_abandon(self):
        self.bid.sudo(self.staff).action_abandon()
        self.assertEqual(self.bid.state, 'abandoned')
        self.assertEqual(self.bid.decision_user_id, self.staff)
        with self.assertRaises(UserError):
            self.bid.sudo(self.staff).action_go()

    def test_members_cannot_decide(self):
        self._split_standard()
        with self.assertRaises(AccessError):
            self.bid.sudo(self.user_a).action_go()
        self.assertEqual(self.bid.state, 'draft')

    def test_staff_record_a_tender_and_open_its_bid(self):
        Lead = self.env['crm.lead'].sudo(self.staff).with_context(
            default_kepos_is_tender=True, default_type='opportunity')
        lead = Lead.create({
            'name': 'Entretien des espaces verts',
            'partner_id': self.buyer.id,
            'kepos_tender_reference': 'CD54-TEST-02',
            'kepos_tender_lot_ids': [(0, 0, {'number': 1, 'name': 'Tonte'})],
        })
        action = lead.action_kepos_open_bid()
        bid = lead.kepos_tender_bid_ids
        self.assertEqual(action['res_id'], bid.id)
        self.assertEqual(bid.name, 'CD54-TEST-02 – Entretien des espaces verts')
        self.assertEqual(lead.action_kepos_open_bid()['res_id'], bid.id)
        # Members open existing bids but do not start one.
        self.assertEqual(
            lead.sudo(self.user_a).action_kepos_open_bid()['res_id'], bid.id)
        other = self.env['crm.lead'].create(
            {'name': 'Autre marché', 'kepos_is_tender': True})
        with self.assertRaises(AccessError), self.cr.savepoint():
            other.sudo(self.user_a).action_kepos_open_bid()
        self.assertFalse(other.kepos_tender_bid_ids)
