module github.com/errlens/errlens

go 1.26.8

require (
	github.com/maxence-charriere/go-app/v10 v10.1.11 // indirect
	github.com/tidwall/gjson v1.20.0 // indirect
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.2.0 // indirect
)
