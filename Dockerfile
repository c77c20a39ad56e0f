# The built site served by Debian's nginx with the generated config (README, "Deploy").
# Build the site first (npm run build writes dist/ and deploy/), then:
#   docker build -t news-archive . && docker run --rm -p 8080:80 news-archive
FROM nginx:1.27-bookworm
COPY dist/ /usr/share/nginx/html/
COPY deploy/nginx-site.conf /etc/nginx/news-archive-site.conf
# The image's nginx.conf includes conf.d/*.conf in its http {}: one server, the site's rules.
RUN printf '%s\n' \
    'server {' \
    '    listen 80;' \
    '    root /usr/share/nginx/html;' \
    '    include /etc/nginx/news-archive-site.conf;' \
    '}' > /etc/nginx/conf.d/default.conf \
    && nginx -t
