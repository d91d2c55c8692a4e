from django.urls import path

from .views import accounts
from .views import enquiries as enquiry_views

app_name = "partnership"

urlpatterns = [
    path("people/invite/", accounts.invite_user, name="invite"),
    # The public contact form and the enquiry queue (issue 7).
    path("contact/", enquiry_views.contact, name="contact"),
    path("contact/sent/", enquiry_views.contact_sent, name="contact_sent"),
    path("enquiries/", enquiry_views.enquiry_list, name="enquiry_list"),
    path("enquiries/subject-access/", enquiry_views.enquiry_subject_access, name="enquiry_subject_access"),
    path("enquiries/<int:pk>/", enquiry_views.enquiry_detail, name="enquiry_detail"),
    path("enquiries/<int:pk>/assign/", enquiry_views.enquiry_assign_view, name="enquiry_assign"),
    path("enquiries/<int:pk>/respond/", enquiry_views.enquiry_respond_view, name="enquiry_respond"),
    path("enquiries/<int:pk>/close/", enquiry_views.enquiry_close_view, name="enquiry_close"),
    path("enquiries/<int:pk>/spam/", enquiry_views.enquiry_spam_view, name="enquiry_spam"),
]
