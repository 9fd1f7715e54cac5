module github.com/errlens/errlens

go 1.26.8

require (
	github.com/aws/aws-sdk-go-v2 v1.47.7
	github.com/cenkalti/backoff/v4 v4.3.0
	github.com/cenkalti/backoff/v5 v5.0.3
	github.com/hashicorp/go-retryablehttp v0.7.8
	github.com/tidwall/gjson v1.20.0
)

require (
	github.com/aws/smithy-go v1.28.8 // indirect
	github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.2.0 // indirect
)
