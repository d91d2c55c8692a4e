app_name = "taskgroups"

urlpatterns = []
