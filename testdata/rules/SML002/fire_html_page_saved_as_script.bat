<!DOCTYPE html>
<html lang="en">
<head><title>tools/map-drives.bat at main</title></head>
<body>
  <!-- the page's own markup, saved in place of the raw script -->
  <div class="blob-code">net use H: "\\files\home\%USERNAME%" /persistent:no</div>
  <a href="/search?q=map&amp;type=code">Search</a>
</body>
</html>
