# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .common import BASE_LAT, BASE_LON, ResourceCase


class TestResource(ResourceCase):

    def test_defaults_from_member_and_category(self):
        resource = self._resource(self.farm, 'need', self.cat_coffee,
                                  state='draft')
        self.assertAlmostEqual(resource.latitude, BASE_LAT)
        self.assertAlmostEqual(resource.longitude, BASE_LON)
        self.assertIn('Quimper', resource.location)
        self.assertEqual(resource.co2e_factor, 0.5)
        self.assertEqual(resource.kind, 'waste')

    def test_quantity_must_be_positive(self):
        for quantity in (0.0, -5.0):
            with self.assertRaises(ValidationError):
                self._resource(self.farm, 'need', self.cat_coffee,
                               quantity=quantity)
        resource = self._resource(self.farm, 'need', self.cat_coffee)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            resource.write({'quantity': 0})
        resource.invalidate_cache()
        self.assertEqual(resource.quantity, 100.0)

    def test_unit_of_another_category(self):
        with self.assertRaises(ValidationError):
            self._resource(self.farm, 'need', self.cat_coffee,
                           uom_id=self.unit.id)
        # a unit of the same kind (tonnes for kilograms) is fine
        resource = self._resource(self.farm, 'need', self.cat_coffee,
                                  uom_id=self.ton.id)
        self.assertEqual(resource.uom_id, self.ton)

    def test_window_end_before_start(self):
        with self.assertRaises(ValidationError):
            self._resource(self.farm, 'need', self.cat_coffee,
                           date_start='2026-05-10', date_end='2026-05-01')

    def test_waste_code_format(self):
        with self.assertRaises(ValidationError):
            self._resource(self.farm, 'offer', self.cat_coffee,
                           waste_code='200108')
        resource = self._resource(self.farm, 'offer', self.cat_coffee,
                                  waste_code='20 01 08')
        self.assertEqual(resource.waste_code, '20 01 08')

    def test_publish_workflow(self):
        resource = self._resource(self.farm, 'need', self.cat_coffee,
                                  state='draft')
        resource.action_publish()
        self.assertEqual(resource.state, 'published')
        with self.assertRaises(UserError):
            resource.action_publish()
        resource.action_close()
        self.assertEqual(resource.state, 'closed')
        nowhere = self.env['res.partner'].create(
            {'name': 'Sans adresse', 'is_company': True})
        lost = self._resource(nowhere, 'need', self.cat_coffee,
                              state='draft')
        with self.assertRaises(UserError):
            lost.action_publish()
        self.assertEqual(lost.state, 'draft')
