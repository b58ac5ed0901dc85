# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError

from .common import KeposEventsCase


class TestAssemblyEvent(KeposEventsCase):

    def test_assembly_linked_to_its_event(self):
        event = self._event('general_assembly',
                            date_begin='2027-06-19 08:00:00',
                            date_end='2027-06-19 12:00:00')
        assembly = self.env['kepos.assembly'].sudo(self.staff).new({
            'name': 'AG 2027', 'event_id': event.id})
        assembly._onchange_event_id()
        self.assertEqual(assembly.date, '2027-06-19')
        assembly = self.env['kepos.assembly'].sudo(self.staff).create({
            'name': 'AG 2027', 'date': '2027-06-19', 'event_id': event.id})
        self.assertEqual(assembly.sudo(self.member_a).event_id, event)
        training = self._event('training')
        with self.assertRaises(ValidationError):
            assembly.event_id = training
