app_name = "esol"

urlpatterns = []
