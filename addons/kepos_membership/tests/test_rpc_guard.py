# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The client boundary itself (lib/guard.py, base_rpc_guard.py, the
workflow mixin) and, once every add-on is installed, that every Kèpos model
and public method is declared."""
from odoo.api import getargspec, split_context
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import at_install, post_install

from ..lib.guard import SERVER, ServerGrant, kepos_action, parse_rule
from .common import KeposCapitalCase


class TestClientBoundary(KeposCapitalCase):

    def _draft(self):
        return self.Subscription.sudo(self.staff).create({
            'partner_id': self._partner('Ressourcerie du Haut-du-Lièvre',
                                        self.cat_beneficiary).id,
            'share_type_id': self.share_type.id,
            'quantity': 2,
        })

    def test_state_is_the_servers(self):
        subscription = self._draft()
        for context in ({}, {'kepos_server_write': True},
                        {'kepos_server_write': 'kepos.subscription'},
                        {'kepos_transition': True}):
            with self.assertRaises(AccessError):
                subscription.sudo(self.staff).with_context(**context).write(
                    {'state': 'approved'})
            with self.assertRaises(AccessError):
                subscription.sudo(self.manager).with_context(**context).write(
                    {'state': 'done'})
        self.assertEqual(subscription.state, 'draft')
        # The step itself writes it, for the caller.
        subscription.sudo(self.staff).action_submit()
        self.assertEqual(subscription.state, 'submitted')
        self.assertEqual(subscription.write_uid, self.staff)

    def test_grant_covers_only_its_records(self):
        first, second = self._draft(), self._draft()
        grant = ServerGrant(self.Subscription._name, first.ids)
        with self.assertRaises(AccessError):
            second.sudo(self.staff).with_context(
                kepos_server_write=grant).write({'state': 'submitted'})
        with self.assertRaises(AccessError):
            (first | second).sudo(self.staff).with_context(
                kepos_server_write=grant).write({'state': 'submitted'})
        self.assertEqual((first | second).mapped('state'), ['draft', 'draft'])
        first.sudo(self.staff).with_context(
            kepos_server_write=grant).write({'state': 'submitted'})
        self.assertEqual(first.state, 'submitted')

    def test_client_defaults_do_not_set_server_fields(self):
        subscription = self.Subscription.sudo(self.staff).with_context(
            default_state='done', default_name='FORGED').create({
                'partner_id': self._partner('Atelier Partagé',
                                            self.cat_beneficiary).id,
                'share_type_id': self.share_type.id,
                'quantity': 1,
            })
        self.assertEqual(subscription.state, 'draft')
        self.assertNotEqual(subscription.name, 'FORGED')

    def test_roles_are_checked_in_the_method(self):
        subscription = self._draft()
        subscription.sudo(self.staff).action_submit()
        with self.assertRaises(AccessError):
            subscription.sudo(self.staff).action_reject()
        self.assertEqual(subscription.state, 'submitted')
        subscription.sudo(self.manager).action_reject()
        self.assertEqual(subscription.state, 'rejected')

    def test_steps_start_from_their_states(self):
        subscription = self._draft()
        subscription.sudo(self.staff).action_submit()
        with self.assertRaisesRegex(UserError, 'Submitted'):
            subscription.sudo(self.staff).action_submit()
        self.assertEqual(subscription.state, 'submitted')

    def test_declarations_are_checked(self):
        self.assertEqual(parse_rule('staff:create'), ('staff', True))
        self.assertEqual(parse_rule(SERVER), (SERVER, False))
        for rule in ('admin', 'member:write', 'server:create:x'):
            with self.assertRaises(ValueError):
                parse_rule(rule)
        with self.assertRaises(ValueError):
            kepos_action(role='root')
        with self.assertRaises(ValueError):
            kepos_action(access='create')

    def test_declared_methods_keep_their_arguments(self):
        # Odoo finds a client's context after the method's own arguments.
        def get_report_values(self, docids, data=None):
            return docids, data
        guarded = kepos_action(role='user', access=None)(get_report_values)
        self.assertEqual(getargspec(guarded), getargspec(get_report_values))
        context, args, _kwargs = split_context(
            guarded, [[7], None, {'lang': 'fr_FR'}], {})
        self.assertEqual((context, args), ({'lang': 'fr_FR'}, [[7], None]))


@at_install(False)
@post_install(True)
class TestEverythingDeclared(KeposCapitalCase):
    """Runs once all the Kèpos add-ons are installed."""

    def test_every_model_field_and_method_is_declared(self):
        problems = []
        described = self.env['kepos.rpc.policy'].sudo(self.member_a).describe()
        for name, model in sorted(self.env.registry.items()):
            if not name.startswith('kepos.') or model._abstract:
                continue
            if name not in described:
                problems.append('%s: not described' % name)
            elif not any('_kepos_client_fields' in klass.__dict__
                         for klass in model.__mro__):
                problems.append('%s: no _kepos_client_fields' % name)
        for name, description in sorted(described.items()):
            model = self.env[name]
            for field, rule in description['fields'].items():
                try:
                    parse_rule(rule)
                except ValueError:
                    problems.append('%s.%s: bad rule %r' % (name, field, rule))
            if (name.startswith('kepos.') and 'state' in model._fields
                    and not model._abstract and not model._transient
                    and not description['workflow']
                    and not model._fields['state'].compute):
                problems.append('%s: a state without kepos.workflow.mixin'
                                % name)
            for method, policy in sorted(description['methods'].items()):
                if policy is None:
                    problems.append('%s.%s: public method not declared with '
                                    'kepos_action' % (name, method))
                elif policy != 'odoo' and policy['states'] is not None \
                        and not description['workflow']:
                    problems.append('%s.%s: states on a model without '
                                    'kepos.workflow.mixin' % (name, method))
        self.assertFalse(problems, '\n'.join(problems))
