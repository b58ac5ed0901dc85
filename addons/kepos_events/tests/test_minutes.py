# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .common import KeposEventsCase


class TestMinutes(KeposEventsCase):

    def test_event_type_gives_the_kind(self):
        event = self.env['event.event'].new({
            'event_type_id': self.env.ref(
                'kepos_events.event_type_round_table').id})
        event._onchange_kepos_event_kind()
        self.assertEqual(event.kepos_event_kind, 'round_table')

    def test_followup_actions_become_activities(self):
        meeting = self._event('monthly_meeting', kepos_minutes='<p>OK</p>')
        meeting.write({'kepos_followup_ids': [
            (0, 0, {'name': 'Relancer la métropole', 'user_id': self.staff.id,
                    'date_deadline': '2026-07-01'}),
            (0, 0, {'name': 'Envoyer le compte rendu',
                    'user_id': self.member_a.id,
                    'date_deadline': '2026-06-20'})]})
        lines = meeting.kepos_followup_ids
        self.assertEqual(set(lines.mapped('state')), {'draft'})
        meeting.sudo(self.staff).action_kepos_create_followups()
        activities = meeting.activity_ids
        self.assertEqual(len(activities), 2)
        self.assertEqual(set(activities.mapped('user_id').ids),
                         {self.staff.id, self.member_a.id})
        self.assertEqual(set(lines.mapped('state')), {'assigned'})
        with self.assertRaises(UserError):
            meeting.sudo(self.staff).action_kepos_create_followups()
        todo = lines.filtered(lambda l: l.user_id == self.member_a)
        todo.activity_id.sudo(self.member_a).action_done()
        self.assertEqual(todo.state, 'done')

    def test_members_read_but_do_not_write_minutes(self):
        meeting = self._event('monthly_meeting',
                              kepos_minutes='<p>Bilan du mois</p>')
        meeting.write({'kepos_speaker_ids': [(0, 0, {
            'partner_id': self.graine.id, 'role': 'official',
            'institution': 'Métropole du Grand Nancy'})]})
        as_member = meeting.sudo(self.member_a)
        # Every field of the event form is readable by a member.
        for view_type in ('form', 'tree', 'kanban', 'calendar'):
            view = as_member.fields_view_get(view_type=view_type)
            as_member.read(list(view['fields']))
        self.assertIn('Bilan', as_member.kepos_minutes)
        self.assertEqual(as_member.kepos_speaker_ids.institution,
                         'Métropole du Grand Nancy')
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            as_member.write({'kepos_minutes': '<p>Autre</p>'})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            as_member.kepos_speaker_ids.write({'institution': 'X'})
