@echo off
set vcloud_user=YOUR-VCLOUD-USERNAME
set vcloud_password=YOUR-VCLOUD-PASSWORD
ovftool box.ovf "vcloud://%vcloud_user%:%vcloud_password%@vcloud.example.com"
