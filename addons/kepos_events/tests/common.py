# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase


class KeposEventsCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(KeposEventsCase, cls).setUpClass()
        ref = cls.env.ref
        cls.staff = ref('kepos_membership.user_kepos_staff')
        cls.member_a = ref('kepos_membership.user_member_a')
        cls.member_b = ref('kepos_membership.user_member_b')
        cls.camille = cls.member_a.partner_id
        cls.julien = cls.member_b.partner_id
        cls.graine = ref('kepos_membership.member_graine')
        cls.octet = ref('kepos_membership.member_octet')

    @classmethod
    def _event(cls, kind, **values):
        vals = {
            'name': 'Test %s' % kind,
            'kepos_event_kind': kind,
            'date_begin': '2026-06-10 07:00:00',
            'date_end': '2026-06-10 17:00:00',
        }
        vals.update(values)
        return cls.env['event.event'].sudo(cls.staff).create(vals)

    @classmethod
    def _register(cls, event, partner):
        return cls.env['event.registration'].sudo(cls.staff).create({
            'event_id': event.id, 'partner_id': partner.id,
            'name': partner.name})
