from wagtail import hooks

from . import log_actions


@hooks.register("register_log_actions")
def register_workflow_forms_log_actions(actions):
    log_actions.register(actions)
