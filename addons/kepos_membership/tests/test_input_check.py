# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests.common import SavepointCase


class TestInputCheck(SavepointCase):
    """What a JSON-RPC client may send to a Kèpos model: a wrong type, an
    unknown choice or a missing record ends in a clear error, before the ORM
    or the database sees it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.env.ref('kepos_membership.user_kepos_manager')
        cls.college = cls.env.ref('kepos_membership.college_workers')
        cls.Category = cls.env['kepos.member.category'].sudo(cls.manager)
        cls.category = cls.Category.create({
            'name': 'Partenaires test', 'code': 'PT',
            'college_id': cls.college.id})

    def test_wrong_values_refused(self):
        for vals in ({'sequence': 'dix'}, {'sequence': 2 ** 40},
                     {'sequence': 1.5}, {'college_id': 'abc'},
                     {'college_id': 2 ** 31 - 1}, {'college_id': -1},
                     {'name': ['une', 'liste']}, {'no_such_field': 1},
                     {'minimum_ids': 'abc'}):
            with self.assertRaises(ValidationError, msg=vals):
                self.category.write(vals)
            with self.assertRaises(ValidationError, msg=vals):
                self.Category.create(dict({
                    'name': 'X', 'code': 'X', 'college_id': self.college.id},
                    **vals))
        self.assertEqual(self.category.sequence, 10)

    def test_numbers_dates_and_choices(self):
        share_type = self.env.ref('kepos_membership.share_type_a').sudo(
            self.manager)
        with self.assertRaises(ValidationError):
            share_type.write({'nominal_value': 'cent'})
        with self.assertRaises(ValidationError):
            share_type.write({'nominal_value': float('inf')})
        Subscription = self.env['kepos.subscription']
        for field, value in (('date', 'pas une date'), ('date', '2026-13-45'),
                             ('state', 'no_such_state')):
            with self.assertRaises(ValidationError):
                Subscription._kepos_check_values({field: value})
        # Good values pass, as the ORM gives them: empty, records, dates.
        Subscription._kepos_check_values({
            'date': '2026-05-04', 'state': 'draft', 'note': False,
            'partner_id': self.env.ref('kepos_membership.member_bocal'),
            'quantity': 3.0})
        self.category.write({'sequence': 3, 'college_id': self.college.id})
        self.assertEqual(self.category.sequence, 3)

    def test_fields_the_orm_drops_pass(self):
        # The web client's form sends __last_update with a new record.
        category = self.Category.create({
            'name': 'Partenaires web', 'code': 'PW', 'college_id': self.college.id,
            '__last_update': '2026-11-23 10:00:00', 'write_uid': 1})
        category.write({'__last_update': False, 'sequence': 4})
        self.assertEqual(category.sequence, 4)

    def test_computed_fields_refused(self):
        subscription = self.env['kepos.subscription'].search([], limit=1)
        self.assertTrue(subscription)
        # Refused by the field rules (a computed field is the server's).
        with self.assertRaises((AccessError, ValidationError)):
            subscription.sudo(self.manager).write({'amount': 1.0})
