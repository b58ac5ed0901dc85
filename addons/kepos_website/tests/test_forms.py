# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests.common import SavepointCase


class TestForms(SavepointCase):
    """Every field of the public forms is checked on the server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        public_user = cls.env.ref('base.public_user')
        # The messages are checked in English, their source language.
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US'))
        cls.Lead = cls.env['crm.lead'].sudo(public_user)
        cls.Need = cls.env['kepos.territorial.need'].sudo(public_user)
        cls.product = cls.env.ref('kepos_synergy.product_captransition_carbon')
        cls.offer = cls.env.ref('kepos_synergy.joint_offer_transition')

    def _quote(self, **extra):
        post = {'contact_name': 'Alice Visiteuse', 'email_from': 'alice@example.org',
                'description': 'Un bilan pour notre PME', 'consent': '1',
                'product_id': str(self.product.id)}
        post.update(extra)
        return self.Lead._kepos_website_quote(post, '10.0.0.1')

    def _need(self, addr='10.0.0.2', **extra):
        post = {'name': 'Un atelier vélo', 'description': 'Pas de réparateur',
                'district': 'plateau de haye', 'consent': '1',
                'theme': 'mobility'}
        post.update(extra)
        return self.Need._kepos_website_submit(post, addr)

    def test_quote_goes_to_the_seller(self):
        lead = self._quote()
        self.assertEqual(lead.kepos_seller_id,
                         self.env.ref('kepos_membership.member_captransition'))
        self.assertEqual(lead.kepos_website_origin, 'quote')
        self.assertTrue(lead.kepos_consent_date)
        self.assertIn(lead.kepos_seller_id, lead.message_ids.mapped(
            'partner_ids'))
        ack = self.env['mail.mail'].search([
            ('model', '=', 'crm.lead'), ('res_id', '=', lead.id),
            ('email_to', '=', 'alice@example.org')])
        self.assertTrue(ack)

    def test_quote_joint_offer_goes_to_the_coordinator(self):
        lead = self._quote(product_id='', offer_id=str(self.offer.id))
        self.assertEqual(lead.kepos_seller_id, self.offer.kepos_coordinator_id)
        self.assertEqual(lead.kepos_joint_offer_id, self.offer)

    def test_quote_company_of_a_member_with_its_books(self):
        member = self.env.ref('kepos_membership.member_captransition')
        company = member.kepos_own_company_id
        lead = self._quote()
        self.assertEqual(lead.company_id, company or self.env.ref(
            'base.main_company'))

    def test_quote_unpublished_product_refused(self):
        hidden = self.env.ref('kepos_synergy.product_datafrugale_hosting')
        with self.assertRaisesRegex(ValidationError, 'no longer available'):
            self._quote(product_id=str(hidden.id))
        with self.assertRaises(ValidationError):
            self._quote(product_id='1 OR 1=1')

    def test_honeypot_consent_sizes_email(self):
        with self.assertRaises(ValidationError):
            self._quote(website_url_confirm='http://spam')
        with self.assertRaisesRegex(ValidationError, 'accept'):
            self._quote(consent='')
        with self.assertRaisesRegex(ValidationError, 'too long'):
            self._quote(description='x' * 3001)
        with self.assertRaisesRegex(ValidationError, 'valid email'):
            self._quote(email_from='not an address')
        with self.assertRaisesRegex(ValidationError, 'fill in'):
            self._quote(contact_name='  ')
        self.assertFalse(self.env['crm.lead'].search([
            ('email_from', '=', 'alice@example.org')]))

    def test_need_submitted_resident_qpv(self):
        need = self._need()
        self.assertEqual((need.state, need.source, need.qpv, need.district),
                         ('submitted', 'resident', True, 'Plateau de Haye'))
        other = self._need(addr='10.0.0.3', district='Centre-ville')
        self.assertFalse(other.qpv)
        self.assertEqual(other.district, 'Centre-ville')

    def test_need_rate_limit_per_address(self):
        for _i in range(5):
            self._need()
        with self.assertRaisesRegex(ValidationError, 'Too many'):
            self._need()
        self._need(addr='10.9.9.9')
        keys = self.env['kepos.website.throttle'].search([]).mapped('key')
        self.assertNotIn('10.0.0.2', keys)

    def test_staff_accepts_or_rejects(self):
        staff = self.env.ref('kepos_membership.user_kepos_staff')
        need = self._need()
        need.sudo(staff).action_kepos_accept()
        self.assertEqual(need.state, 'new')
        other = self._need()
        other.sudo(staff).action_kepos_reject()
        self.assertEqual(other.state, 'dismissed')

    def test_contact_lead_for_the_staff(self):
        lead = self.Lead._kepos_website_contact({
            'contact_name': 'Bob', 'email_from': 'bob@example.org',
            'description': 'Bonjour', 'consent': '1'}, '10.0.0.4')
        self.assertEqual(lead.company_id, self.env.ref('base.main_company'))
        self.assertEqual(lead.kepos_website_origin, 'contact')
